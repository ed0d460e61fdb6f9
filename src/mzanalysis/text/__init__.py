"""Text processing for civil-affairs reports: decoding and normalisation, numbers, fact extraction,
plausibility checks."""
