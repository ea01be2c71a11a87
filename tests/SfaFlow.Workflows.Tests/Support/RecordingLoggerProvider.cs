using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SfaFlow.Workflows.Tests.Support;

/// <summary>Keeps every log entry (level, category, message and the exception as text) for tests to read.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception?.ToString()));
    }
}

/// <summary>One log entry; <see cref="Exception"/> is the exception as <c>ToString()</c> writes it (with its stack).</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, string? Exception);
