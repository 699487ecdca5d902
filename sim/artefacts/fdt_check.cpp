// SPDX-License-Identifier: Apache-2.0
#include "sim/artefacts/fdt_check.h"

namespace sim::artefacts {
namespace {

// Devicetree Specification v0.4, 5.2 (header) and 5.4.1 (structure tokens).
constexpr std::uint32_t kMagic = 0xd00dfeed;
constexpr std::uint32_t kVersion = 17;
constexpr std::uint64_t kHeaderBytes = 40;
constexpr std::uint32_t kBeginNode = 1;
constexpr std::uint32_t kEndNode = 2;
constexpr std::uint32_t kProp = 3;
constexpr std::uint32_t kNop = 4;
constexpr std::uint32_t kEnd = 9;

std::uint32_t be32(const std::vector<std::uint8_t>& b, std::uint64_t at) {
  return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 |
         std::uint32_t{b[at + 2]} << 8 | std::uint32_t{b[at + 3]};
}

std::uint64_t align4(std::uint64_t v) {
  return (v + 3) & ~std::uint64_t{3};
}

/// [off, off + size) inside [0, total)?
bool inside(std::uint64_t off, std::uint64_t size, std::uint64_t total) {
  return off <= total && size <= total - off;
}

/// The walk of the structure block [begin, end): "" or what is wrong.
std::string walk(const std::vector<std::uint8_t>& b, std::uint64_t begin, std::uint64_t end,
                 std::uint64_t strings, std::uint64_t strings_end) {
  unsigned depth = 0;
  bool root_seen = false;
  std::uint64_t pos = begin;
  const auto where = [&](std::uint64_t at) {
    return " at structure offset " + std::to_string(at - begin);
  };
  for (;;) {
    if (end - pos < 4) return "the structure block ends without FDT_END";
    const std::uint64_t token_at = pos;
    const std::uint32_t token = be32(b, pos);
    pos += 4;
    switch (token) {
    case kBeginNode: {
      if (depth == 0 && root_seen) return "a second root node" + where(token_at);
      std::uint64_t nul = pos;
      while (nul < end && b[nul] != 0) ++nul;
      if (nul == end) return "a node name runs out of the structure block" + where(token_at);
      pos = align4(nul + 1);
      if (pos > end) return "a node name runs out of the structure block" + where(token_at);
      root_seen = true;
      if (++depth > kMaxFdtDepth)
        return "nodes nested deeper than " + std::to_string(kMaxFdtDepth) + where(token_at);
      break;
    }
    case kEndNode:
      if (depth == 0) return "FDT_END_NODE without a node" + where(token_at);
      --depth;
      break;
    case kProp: {
      if (depth == 0) return "a property outside every node" + where(token_at);
      if (end - pos < 8)
        return "a property header runs out of the structure block" + where(token_at);
      const std::uint64_t len = be32(b, pos);
      const std::uint64_t name = be32(b, pos + 4);
      pos += 8;
      if (len > end - pos)
        return "a property value runs out of the structure block" + where(token_at);
      pos = align4(pos + len);
      if (pos > end) return "a property value runs out of the structure block" + where(token_at);
      if (name >= strings_end - strings)
        return "a property name outside the strings block" + where(token_at);
      std::uint64_t nul = strings + name;
      while (nul < strings_end && b[nul] != 0) ++nul;
      if (nul == strings_end)
        return "a property name runs out of the strings block" + where(token_at);
      break;
    }
    case kNop:
      break;
    case kEnd:
      if (depth != 0) return "FDT_END inside an open node" + where(token_at);
      if (!root_seen) return "no root node";
      return "";
    default:
      return "unknown structure token " + std::to_string(token) + where(token_at);
    }
  }
}

} // namespace

std::string fdt_structure_error(const std::vector<std::uint8_t>& b) {
  if (b.size() < kHeaderBytes) return "shorter than a device tree header";
  if (be32(b, 0) != kMagic) return "no device tree magic";
  const std::uint64_t total = be32(b, 4);
  const std::uint64_t off_struct = be32(b, 8);
  const std::uint64_t off_strings = be32(b, 12);
  const std::uint64_t off_rsvmap = be32(b, 16);
  const std::uint32_t version = be32(b, 20);
  const std::uint32_t last_compatible = be32(b, 24);
  const std::uint64_t size_strings = be32(b, 32);
  const std::uint64_t size_struct = be32(b, 36);
  if (version < kVersion || last_compatible > kVersion)
    return "version " + std::to_string(version) + " (last compatible " +
           std::to_string(last_compatible) + "): dtc writes version 17";
  if (total > b.size() || total < kHeaderBytes) return "its totalsize is not the file's";
  if (off_rsvmap % 8 != 0 || off_rsvmap < kHeaderBytes || !inside(off_rsvmap, 16, total))
    return "the memory reservation block is misplaced";
  for (std::uint64_t at = off_rsvmap;; at += 16) {
    if (!inside(at, 16, total)) return "the memory reservation list runs out of the blob";
    bool zero = true;
    for (std::uint64_t i = 0; i < 16; ++i) zero = zero && b[at + i] == 0;
    if (zero) break;
  }
  if (off_struct % 4 != 0 || off_struct < kHeaderBytes || !inside(off_struct, size_struct, total))
    return "the structure block is misplaced";
  if (off_strings < kHeaderBytes || !inside(off_strings, size_strings, total))
    return "the strings block is misplaced";
  return walk(b, off_struct, off_struct + size_struct, off_strings, off_strings + size_strings);
}

} // namespace sim::artefacts
