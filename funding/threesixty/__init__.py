"""The 360Giving Data Standard: the schema, award ↔ grant mapping, and reading published files."""
