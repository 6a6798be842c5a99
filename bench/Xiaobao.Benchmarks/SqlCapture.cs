using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xiaobao.Benchmarks;

/// <summary>Collects the SQL EF sends (with parameter values) through its DiagnosticSource events, for EXPLAIN by hand.</summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly StringBuilder _text = new();
    private readonly List<IDisposable> _subscriptions = [];

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public static SqlCapture Start()
    {
        var capture = new SqlCapture();
        capture._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(capture));
        return capture;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData { Command: var command })
        {
            lock (_text)
            {
                foreach (System.Data.Common.DbParameter p in command.Parameters)
                {
                    _text.Append("-- ").Append(p.ParameterName).Append(" = ").Append(p.Value).AppendLine();
                }

                _text.AppendLine(command.CommandText).AppendLine(";");
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions)
            {
                s.Dispose();
            }
        }
    }
}
