"""Thin views: parse input, ask permissions, call a service or selector, render."""
