#pragma once

// Timing, samples and the one table the benchmarks print.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace myodesk::bench {

using BenchClock = std::chrono::steady_clock;

// Seconds between two steady_clock readings.
inline double Seconds(BenchClock::time_point from, BenchClock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

// Runs `work` once and returns how long it took, in seconds.
template <typename Work>
double TimeSeconds(Work&& work) {
    const auto start = BenchClock::now();
    work();
    return Seconds(start, BenchClock::now());
}

// Durations of many repetitions of one operation (seconds), for percentiles.
class Samples {
  public:
    void Add(double seconds) { m_values.push_back(seconds); }
    void Append(const Samples& other);
    std::size_t Count() const { return m_values.size(); }
    bool Empty() const { return m_values.empty(); }
    // The value below which `percent` of the samples lie (nearest rank); 0 when empty.
    double Percentile(double percent) const;
    double P50() const { return Percentile(50); }
    double P95() const { return Percentile(95); }
    double Max() const;
    double Sum() const;

  private:
    std::vector<double> m_values;
};

// "0.21 ms", "38 µs", "1.84 s".
std::string FormatDuration(double seconds);
// "123,456".
std::string FormatCount(std::int64_t count);
// "1.9x".
std::string FormatRatio(double ratio);

enum class Verdict { kMet, kMissed, kInfo, kSkipped };

struct TableRow {
    std::string operation;
    std::string myodesk;
    std::string raw;    // the raw SQLite column ("—" where there is none)
    std::string ratio;  // MyoDesk / raw, or "—"
    std::string target;
    Verdict verdict = Verdict::kInfo;
    std::string note;  // why a row missed or was skipped; printed under the table
};

// The table every benchmark adds its rows to, printed once at the end as Markdown (the README
// reproduces it as it is).
class ResultTable {
  public:
    void Add(TableRow row);
    // A row for a figure that could not be measured in this run, saying why.
    void Skip(std::string operation, std::string target, std::string why);
    void Print(std::ostream& out) const;
    int Missed() const;

  private:
    std::vector<TableRow> m_rows;
};

// Verdict for "value < limit" (or <=, for rates: "value >= limit" with higher_is_better).
Verdict Check(bool met);

// One line about the machine: CPU model, cores, RAM, Debian version, SQLite version.
std::string MachineLine();

// "1.02 0.85 0.60" from /proc/loadavg: other work on the machine makes every figure slower.
std::string LoadAverage();

// Peak resident memory of this process so far (MB).
double PeakRssMb();

}  // namespace myodesk::bench
