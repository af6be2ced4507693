"""Files handed over: CSV for Russian Excel, XLSX, the PPTX briefing deck and its PDF."""
