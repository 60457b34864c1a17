using System.Diagnostics;
using System.Runtime;
using CtoRules.Cases;

namespace CtoRules.Benchmarks.Harness;

/// <summary>The measurements, each a plain loop over pre-generated cases (generation is never timed).</summary>
public static class Measure
{
    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    /// <summary>Single-case latency percentiles in microseconds, one thread, each case timed alone.</summary>
    public static (double P50, double P99) Latency(ICompiledEngine engine, IReadOnlyList<Case> cases)
    {
        var samples = new double[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            engine.Evaluate(cases[i]);
            samples[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
        }
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99));
    }

    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /// <summary>
    /// Cases per second on one thread: passes over all the cases until <paramref name="minSeconds"/>
    /// have passed (at least one, at most <paramref name="maxPasses"/>); the median pass. Also the
    /// bytes allocated per case on that thread.
    /// </summary>
    public static (double CasesPerSec, double AllocBytesPerCase) OneThread(ICompiledEngine engine, IReadOnlyList<Case> cases, double minSeconds = 1.5, int maxPasses = 5)
    {
        var rates = new List<double>();
        long allocated = 0, evaluated = 0;
        var total = Stopwatch.StartNew();
        do
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.GetTimestamp();
            for (var i = 0; i < cases.Count; i++) engine.Evaluate(cases[i]);
            var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            evaluated += cases.Count;
            rates.Add(cases.Count / seconds);
        } while (total.Elapsed.TotalSeconds < minSeconds && rates.Count < maxPasses);
        rates.Sort();
        return (rates[rates.Count / 2], (double)allocated / evaluated);
    }

    /// <summary>Cases per second with one worker per core, each taking the next block of 64 cases.</summary>
    public static double AllThreads(ICompiledEngine engine, IReadOnlyList<Case> cases, int threads, double minSeconds = 1.5, int maxPasses = 5)
    {
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        do
        {
            var next = -64;
            var t = Stopwatch.GetTimestamp();
            var workers = new Thread[threads];
            for (var w = 0; w < threads; w++)
            {
                workers[w] = new Thread(() =>
                {
                    int start;
                    while ((start = Interlocked.Add(ref next, 64)) < cases.Count)
                        for (var i = start; i < Math.Min(start + 64, cases.Count); i++) engine.Evaluate(cases[i]);
                });
                workers[w].Start();
            }
            foreach (var w in workers) w.Join();
            rates.Add(cases.Count / Stopwatch.GetElapsedTime(t).TotalSeconds);
        } while (total.Elapsed.TotalSeconds < minSeconds && rates.Count < maxPasses);
        rates.Sort();
        return rates[rates.Count / 2];
    }

    /// <summary>
    /// Peak working set (MB) while streaming <paramref name="count"/> generated cases through the
    /// engine, none kept. On Linux the process's high-water mark is reset first
    /// (<c>/proc/self/clear_refs</c>), so the figure is the peak of the streaming phase itself,
    /// runtime and compiled rules included.
    /// </summary>
    public static double PeakWorkingSetMbStreaming(ICompiledEngine engine, IEnumerable<Case> stream)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        var reset = TryResetPeak();
        foreach (var c in stream) engine.Evaluate(c);
        var peak = reset ? ReadVmHwmBytes() : null;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return (peak ?? self.PeakWorkingSet64) / (1024.0 * 1024.0);
    }

    private static bool TryResetPeak()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return false;
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadVmHwmBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return null;
    }

    /// <summary>Least-squares slope of log(y) on log(x): the exponent b of y ≈ a·x^b.</summary>
    public static double Exponent(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += Math.Log(x[i]); my += Math.Log(y[i]); }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = Math.Log(x[i]) - mx;
            sxy += dx * (Math.Log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? double.NaN : sxy / sxx;
    }
}
