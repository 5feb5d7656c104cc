"""Reusable widgets for the work sections: table models, forms with per-field errors, the household picker."""
