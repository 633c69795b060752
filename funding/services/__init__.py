"""Every write in funding. Modules by subject: programmes, applications, awards (and what follows
a withdrawal), imports (360Giving files)."""
