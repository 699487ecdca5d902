// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared by the fuzz targets: a refusal the simulator makes on purpose (an input error, exit 2)
// is a fine outcome; anything else escaping a reader (a ModelError, an unexpected exception) is a
// finding, and so is a crash or a sanitizer report. Inputs that go through a file are written
// into a scratch folder of the fuzzer's own.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include "models/common/config/config_error.h"
#include "sim/artefacts/device_tree.h"

namespace sim::fuzz {

/// Runs `read`; returns normally when it succeeded or refused the input as invalid.
template <typename Read> void expect_refusal_or_success(Read&& read) {
  try {
    read();
  } catch (const config::ConfigError&) {
  } catch (const artefacts::ArtefactError&) {
  } catch (const std::invalid_argument&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: not an input error: %s\n", e.what());
    std::abort();
  }
}

/// A folder of this process's own under the system's temporary folder, removed at exit.
inline const std::filesystem::path& scratch() {
  struct Scratch {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ipcsim-fuzz-" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  };
  static const Scratch scratch;
  return scratch.dir;
}

/// Writes `data` to `path` (replacing it).
inline void write_file(const std::filesystem::path& path, const std::uint8_t* data,
                       std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

} // namespace sim::fuzz
