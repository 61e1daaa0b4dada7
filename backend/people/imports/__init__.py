"""HR import of leaders and units from CSV and XLSX (all-or-nothing, with row-level errors)."""
