// SPDX-License-Identifier: Apache-2.0
// A flattened device tree (.dtb) as `ipcsim validate` and `ipcsim import` read it through libfdt:
// reserved-memory regions, the remoteproc node, mailboxes, Zephyr's memory regions. (A .dts goes
// through dtc first, which is not ours to fuzz.) Seeds: fuzz/seeds/dtb/, built from the fixtures'
// device trees.
#include <vector>

#include "fuzz/fuzz_input.h"
#include "sim/artefacts/device_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sim::fuzz::expect_refusal_or_success(
      [&] { sim::artefacts::parse_dtb(std::vector<std::uint8_t>(data, data + size), "fuzz.dtb"); });
  return 0;
}
