SELECT sha256 FROM sources;
