#include "bench_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sqlite3.h>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

namespace myodesk::bench {

void Samples::Append(const Samples& other) {
    m_values.insert(m_values.end(), other.m_values.begin(), other.m_values.end());
}

double Samples::Percentile(double percent) const {
    if (m_values.empty()) {
        return 0;
    }
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least `percent` of the samples at or below it.
    const double rank = std::ceil(percent / 100.0 * static_cast<double>(sorted.size()));
    const auto index =
        static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(sorted.size()))) - 1;
    return sorted[index];
}

double Samples::Max() const {
    return m_values.empty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
}

double Samples::Sum() const {
    return std::accumulate(m_values.begin(), m_values.end(), 0.0);
}

std::string FormatDuration(double seconds) {
    if (seconds >= 1) {
        return fmt::format("{:.2f} s", seconds);
    }
    if (seconds >= 0.1) {
        return fmt::format("{:.0f} ms", seconds * 1e3);
    }
    if (seconds >= 1e-3) {
        return fmt::format("{:.2f} ms", seconds * 1e3);
    }
    return fmt::format("{:.0f} µs", seconds * 1e6);
}

std::string FormatCount(std::int64_t count) {
    std::string digits = std::to_string(count < 0 ? -count : count);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return count < 0 ? "-" + out : out;
}

std::string FormatRatio(double ratio) {
    if (!std::isfinite(ratio) || ratio <= 0) {
        return "—";
    }
    return ratio >= 10 ? fmt::format("{:.0f}x", ratio) : fmt::format("{:.1f}x", ratio);
}

Verdict Check(bool met) {
    return met ? Verdict::kMet : Verdict::kMissed;
}

void ResultTable::Add(TableRow row) {
    m_rows.push_back(std::move(row));
}

void ResultTable::Skip(std::string operation, std::string target, std::string why) {
    m_rows.push_back({std::move(operation), "—", "—", "—", std::move(target), Verdict::kSkipped,
                      std::move(why)});
}

int ResultTable::Missed() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const TableRow& row) {
        return row.verdict == Verdict::kMissed;
    }));
}

void ResultTable::Print(std::ostream& out) const {
    const auto verdict_text = [](Verdict verdict) -> std::string {
        switch (verdict) {
            case Verdict::kMet:
                return "met";
            case Verdict::kMissed:
                return "**missed**";
            case Verdict::kSkipped:
                return "skipped";
            case Verdict::kInfo:
                break;
        }
        return "—";
    };
    out << "| operation | MyoDesk | raw SQLite (C API) | ratio | target | met? |\n";
    out << "|---|---:|---:|---:|---|---|\n";
    std::vector<std::string> notes;
    for (const TableRow& row : m_rows) {
        std::string verdict = verdict_text(row.verdict);
        if (!row.note.empty()) {
            notes.push_back(row.note);
            verdict += fmt::format(" ({})", notes.size());
        }
        out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", row.operation, row.myodesk, row.raw,
                           row.ratio, row.target, verdict);
    }
    if (!notes.empty()) {
        out << '\n';
        for (std::size_t i = 0; i < notes.size(); ++i) {
            out << fmt::format("({}) {}\n", i + 1, notes[i]);
        }
    }
}

namespace {

std::string FirstValue(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
                std::string value = line.substr(colon + 1);
                value.erase(0, value.find_first_not_of(" \t"));
                return value;
            }
        }
    }
    return {};
}

}  // namespace

std::string MachineLine() {
    std::string cpu = FirstValue("/proc/cpuinfo", "model name");
    if (cpu.empty()) {
        cpu = "unknown CPU";
    }
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    std::string memory = FirstValue("/proc/meminfo", "MemTotal");
    double ram_gb = 0;
    if (!memory.empty()) {
        ram_gb = std::stod(memory) / (1024.0 * 1024.0);
    }
    std::string debian;
    std::ifstream version("/etc/debian_version");
    std::getline(version, debian);
    std::string kernel;
    std::ifstream release("/proc/sys/kernel/osrelease");
    std::getline(release, kernel);
    return fmt::format("{}, {} cores, {:.1f} GB RAM, Debian {} (Linux {}), SQLite {}", cpu, cores,
                       ram_gb, debian.empty() ? "?" : debian, kernel, sqlite3_libversion());
}

std::string LoadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return fmt::format("{} {} {}", one, five, fifteen);
}

double PeakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace myodesk::bench
