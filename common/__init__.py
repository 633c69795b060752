"""Small helpers with no models, shared by every app (the bottom layer, below accounts)."""
