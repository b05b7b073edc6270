"""Attendance: who was present, gave apologies or was absent."""
