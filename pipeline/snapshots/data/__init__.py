"""Per-site article data of the snapshot sites (the project's own writing)."""
