// SPDX-License-Identifier: Apache-2.0
#pragma once
// What libfdt's walkers take for granted about a flattened device tree, checked on untrusted
// bytes before libfdt sees them: libfdt 1.6 (Debian 12) crashes on fuzzed blobs in fdt_get_path
// and even in its own fdt_check_full. The layout is the Devicetree Specification's, chapter 5
// ("Flattened Devicetree (DTB) Format"): a header, the memory reservation block, the structure
// block (tokens, each 4-byte aligned) and the strings block.

#include <cstdint>
#include <string>
#include <vector>

namespace sim::artefacts {

/// Why `blob` is not a well-formed version-17 device tree blob; "" when it is. Checks the header
/// (magic, version 17, the blocks inside the blob), the reservation list (terminated inside the
/// blob), and every structure token: inside the block, known, node names and property values
/// inside it, property names inside the strings block and NUL-terminated, nodes balanced under
/// one root, nesting at most kMaxDepth, FDT_END last.
std::string fdt_structure_error(const std::vector<std::uint8_t>& blob);

/// Deeper than any real device tree (a root, a bus, a device, its sub-nodes).
inline constexpr unsigned kMaxFdtDepth = 64;

} // namespace sim::artefacts
