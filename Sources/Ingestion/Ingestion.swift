// Ingestion module (scaffold; replaced as the module is written)
