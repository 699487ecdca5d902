// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to validate_*.cpp: collecting results, naming sources, and the checks of each part.

#include <string>
#include <vector>

#include "models/common/units.h"
#include "sim/port/validate.h"

namespace sim::app::checks {

class Results {
public:
  void ok(std::string check, std::string text, std::vector<std::string> sources = {}) {
    add(CheckStatus::kOk, std::move(check), std::move(text), std::move(sources));
  }
  void warn(std::string check, std::string text, std::vector<std::string> sources = {}) {
    add(CheckStatus::kWarning, std::move(check), std::move(text), std::move(sources));
  }
  void error(std::string check, std::string text, std::vector<std::string> sources = {}) {
    add(CheckStatus::kError, std::move(check), std::move(text), std::move(sources));
  }
  std::vector<CheckResult> take() { return std::move(results_); }

private:
  void add(CheckStatus s, std::string check, std::string text, std::vector<std::string> sources) {
    results_.push_back({s, std::move(check), std::move(text), std::move(sources)});
  }
  std::vector<CheckResult> results_;
};

inline std::string hex(std::uint64_t v) {
  return format_hex(v, 1);
}
/// PAGE_ALIGN, as Linux sizes a ring's carve-out.
inline std::uint64_t page_align(std::uint64_t v) {
  constexpr std::uint64_t kPageSize = 4096;
  return (v + kPageSize - 1) & ~(kPageSize - 1);
}
inline std::string range(std::uint64_t base, std::uint64_t size) {
  return "[" + hex(base) + ", " + hex(base + size) + ")";
}

/// "configs/tcc807x.yaml:14 carveouts.vdev0vring1" for a carve-out.
std::string board_source(const ValidateInput& in, const models::CarveoutConfig& c);
/// "configs/tcc807x.yaml clusters.remote.mmu VRING1"
std::string board_key(const ValidateInput& in, const std::string& key);

/// The board and its software section alone: placement, the table the software describes, the
/// MMU maps and the cache-line warning.
void check_board(const ValidateInput& in, Results& r);
/// The Linux DT against the board.
void check_linux_dt(const ValidateInput& in, const artefacts::DeviceTree& dt, Results& r);
/// The Zephyr DT against the board (and the Linux DT when both are given).
void check_zephyr_dt(const ValidateInput& in, const artefacts::DeviceTree& dt, Results& r);
/// The firmware ELF against the board and the device trees.
void check_firmware(const ValidateInput& in, const artefacts::FirmwareImage& fw, Results& r);

} // namespace sim::app::checks
