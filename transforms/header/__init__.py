"""The meeting header: title, labelled fields, the meeting date, times and venue."""
