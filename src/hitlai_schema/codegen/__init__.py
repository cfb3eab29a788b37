"""Code generators: the pydantic schemas (hitlai_schema.schemas), the TypeScript types and the zod validators,
from the models."""
