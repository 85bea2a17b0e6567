"""Tekojen tori / Framstegsarenan: the static-site generator for municipal development stories."""
