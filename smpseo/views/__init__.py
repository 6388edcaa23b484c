"""Views: turn results (plain data) into text, JSON, CSV, notebook displays and HTML. Views never analyse."""
