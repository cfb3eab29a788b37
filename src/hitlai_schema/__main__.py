"""`python -m hitlai_schema`, the same as the `hitlai-schema` command."""

from hitlai_schema.cli import main

if __name__ == "__main__":
    main()
