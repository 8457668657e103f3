#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace myodesk::db {

// SHA-256 of bytes given a piece at a time (libsodium), as lowercase hex: the manifest of a
// practice export names each file's.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void Add(std::string_view bytes);
    // The digest of everything added; the hasher is then spent.
    std::string HexDigest();

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace myodesk::db
