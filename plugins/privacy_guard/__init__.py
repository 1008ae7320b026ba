"""Privacy guard: detectors for personal information (个人信息) in catalog text."""
