DROP TABLE consent_service_storage;
DROP TABLE consent_services;
