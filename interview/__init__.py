"""Interview practice core: question bank, answer scoring, mastery, selection; no Flask."""
