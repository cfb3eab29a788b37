"""Code generators: the pydantic schemas (hitlai_schema.schemas) and the TypeScript types, from the models."""
