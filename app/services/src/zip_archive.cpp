#include "zip_archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <zip.h>

namespace myodesk::services::detail {

namespace {

std::string ArchiveError(zip_t* archive) {
    return zip_error_strerror(zip_get_error(archive));
}

std::string OpenError(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

}  // namespace

ZipWriter::ZipWriter(const std::filesystem::path& path, std::time_t modified)
    : m_modified(modified) {
    int code = 0;
    m_archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (m_archive == nullptr) {
        throw ZipError(fmt::format("Cannot write {}: {}", path.string(), OpenError(code)));
    }
}

ZipWriter::~ZipWriter() {
    if (m_archive != nullptr) {
        zip_discard(m_archive);  // never written: no half archive is left
    }
}

void ZipWriter::Added(long long index, const std::string& name) {
    if (index < 0) {
        throw ZipError(fmt::format("Cannot add {}: {}", name, ArchiveError(m_archive)));
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    // Level 1: the JSON compresses well anyway, and the export stays quick.
    // Unpacked, each file is readable by its owner only (a regular file, mode 0600), as the
    // ZIP itself is.
    constexpr zip_uint32_t kPrivateFile = 0100600U << 16U;
    if (zip_set_file_compression(m_archive, entry, ZIP_CM_DEFLATE, 1) != 0 ||
        zip_file_set_mtime(m_archive, entry, m_modified, 0) != 0 ||
        zip_file_set_external_attributes(m_archive, entry, 0, ZIP_OPSYS_UNIX, kPrivateFile) != 0) {
        throw ZipError(fmt::format("Cannot add {}: {}", name, ArchiveError(m_archive)));
    }
}

void ZipWriter::AddFile(const std::string& name, const std::filesystem::path& file) {
    zip_source_t* source = zip_source_file(m_archive, file.c_str(), 0, -1);
    if (source == nullptr) {
        throw ZipError(fmt::format("Cannot add {}: {}", name, ArchiveError(m_archive)));
    }
    const auto index = zip_file_add(m_archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
    }
    Added(index, name);
}

void ZipWriter::AddText(const std::string& name, std::string text) {
    m_texts.push_back(std::make_unique<std::string>(std::move(text)));
    const auto& kept = *m_texts.back();
    zip_source_t* source = zip_source_buffer(m_archive, kept.data(), kept.size(), 0);
    if (source == nullptr) {
        throw ZipError(fmt::format("Cannot add {}: {}", name, ArchiveError(m_archive)));
    }
    const auto index = zip_file_add(m_archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
    }
    Added(index, name);
}

void ZipWriter::Close() {
    if (zip_close(m_archive) != 0) {
        const std::string error = ArchiveError(m_archive);
        throw ZipError(fmt::format("Cannot write the archive: {}", error));
    }
    m_archive = nullptr;
}

ZipReader::ZipReader(const std::filesystem::path& path) {
    int code = 0;
    m_archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (m_archive == nullptr) {
        throw ZipError(
            fmt::format("it is not a ZIP archive MyoDesk can read ({})", OpenError(code)));
    }
    const zip_int64_t count = zip_get_num_entries(m_archive, 0);
    if (count < 0 || static_cast<std::size_t>(count) > kMaxEntries) {
        zip_discard(m_archive);
        throw ZipError(fmt::format("it holds more than {} files", kMaxEntries));
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(m_archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
            (stat.valid & ZIP_STAT_NAME) == 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
            zip_discard(m_archive);
            throw ZipError("its list of files is damaged");
        }
        m_entries.push_back({stat.name, stat.size});
    }
}

ZipReader::~ZipReader() {
    if (m_archive != nullptr) {
        zip_discard(m_archive);
    }
}

bool ZipReader::Has(std::string_view name) const {
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [name](const ZipEntry& entry) { return entry.name == name; });
}

void ZipReader::Read(const std::string& name, std::uint64_t max_bytes,
                     const std::function<void(std::string_view)>& take) {
    zip_file_t* file = zip_fopen(m_archive, name.c_str(), 0);
    if (file == nullptr) {
        throw ZipError(fmt::format("{} cannot be read: {}", name, ArchiveError(m_archive)));
    }
    struct Closer {
        zip_file_t* file;
        ~Closer() { zip_fclose(file); }
    } closer{file};
    std::string buffer(1 << 16, '\0');
    std::uint64_t total = 0;
    for (;;) {
        const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
        if (got < 0) {
            throw ZipError(fmt::format("{} is damaged: {}", name,
                                       zip_error_strerror(zip_file_get_error(file))));
        }
        if (got == 0) {
            return;
        }
        total += static_cast<std::uint64_t>(got);
        if (total > max_bytes) {
            throw ZipError(fmt::format("{} holds more than {} bytes", name, max_bytes));
        }
        take(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    }
}

std::string ZipReader::ReadText(const std::string& name, std::uint64_t max_bytes) {
    std::string text;
    Read(name, max_bytes, [&text](std::string_view piece) { text += piece; });
    return text;
}

}  // namespace myodesk::services::detail
