#pragma once

// ZIP files for the practice export's tests: every entry read into memory, and an archive
// written from entries (to make an export someone changed, with or without its manifest).

#include <myodesk/db/sha256.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <zip.h>

namespace myodesk::test {

using ZipEntries = std::map<std::string, std::string>;

inline ZipEntries ReadZip(const std::filesystem::path& path) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    BOOST_REQUIRE_MESSAGE(archive != nullptr, "cannot open " << path);
    ZipEntries entries;
    const auto count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
        std::string bytes(stat.size, '\0');
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        BOOST_REQUIRE(file != nullptr);
        if (!bytes.empty()) {
            BOOST_REQUIRE_EQUAL(zip_fread(file, bytes.data(), bytes.size()),
                                static_cast<zip_int64_t>(bytes.size()));
        }
        zip_fclose(file);
        entries[stat.name] = std::move(bytes);
    }
    zip_discard(archive);
    return entries;
}

inline void WriteZip(const std::filesystem::path& path, const ZipEntries& entries) {
    std::filesystem::remove(path);
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    BOOST_REQUIRE(archive != nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        BOOST_REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    BOOST_REQUIRE_EQUAL(zip_close(archive), 0);
}

// The manifest's entry for `name` made to match its (changed) bytes: what someone who knows
// the format would do to slip a record in.
inline void ResealEntry(ZipEntries& entries, const std::string& name) {
    auto manifest = nlohmann::json::parse(entries.at("manifest.json"));
    const auto& bytes = entries.at(name);
    db::Sha256 hash;
    hash.Add(bytes);
    const auto digest = hash.HexDigest();
    std::int64_t lines = 0;
    for (const char c : bytes) {
        lines += c == '\n' ? 1 : 0;
    }
    for (auto& file : manifest["files"]) {
        if (file["name"] == name) {
            file["sha256"] = digest;
            file["records"] = lines;
        }
    }
    entries["manifest.json"] = manifest.dump(2);
}

}  // namespace myodesk::test
