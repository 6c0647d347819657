// The SQLite store lands here (see Package.swift).
