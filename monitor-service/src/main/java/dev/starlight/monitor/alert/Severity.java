package dev.starlight.monitor.alert;

public enum Severity { INFO, WARNING, CRITICAL }
