"""Agenda items: numbers and titles."""
