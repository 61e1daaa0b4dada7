"""The staff functions' offers ("hjælpetropper"): the catalogue and leaders' requests."""
