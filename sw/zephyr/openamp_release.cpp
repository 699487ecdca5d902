// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/openamp_release.h"

#include <stdexcept>

namespace sim::sw::zephyr {

const std::vector<OpenampRelease>& openamp_releases() {
  // Columns: ring[0] bug, NULL invalidate, invalidate on return, kick on release, rsc-table
  // invalidate, hold counter, notify_wait_cb, per-buffer RX kick. v2024.05 is what Zephyr 3.7
  // ships (DESIGN §6, inferred).
  static const std::vector<OpenampRelease> kReleases = {
      {"v2021.10", true, true, false, false, false, false, false, false},
      {"v2022.04", false, true, false, false, false, false, false, false},
      {"v2023.04", false, false, true, true, false, false, false, false},
      {"v2023.10", false, false, true, true, true, true, false, false},
      {"v2024.05", false, false, true, true, true, true, true, false},
      {"v2024.10", false, false, true, true, true, true, true, true},
  };
  return kReleases;
}

std::string openamp_release_names() {
  std::string names;
  for (const OpenampRelease& r : openamp_releases())
    names += (names.empty() ? "" : ", ") + std::string(r.name);
  return names;
}

const OpenampRelease& openamp_release(const std::string& name) {
  for (const OpenampRelease& r : openamp_releases())
    if (name == r.name) return r;
  throw std::invalid_argument("unknown OpenAMP release '" + name +
                              "' (valid: " + openamp_release_names() + ")");
}

} // namespace sim::sw::zephyr
