"""Code generated from the models: pydantic schemas, TypeScript types, zod validators."""
