// SPDX-License-Identifier: Apache-2.0
// The structure check that stands between untrusted bytes and libfdt: a blob dtc wrote passes;
// each way a blob can lie about itself is named; the blobs the fuzzer found are refused.
#include "sim/artefacts/fdt_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace sim::artefacts {
namespace {

using Blob = std::vector<std::uint8_t>;

void put32(Blob& b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<std::uint8_t>(v >> 24);
  b[at + 1] = static_cast<std::uint8_t>(v >> 16);
  b[at + 2] = static_cast<std::uint8_t>(v >> 8);
  b[at + 3] = static_cast<std::uint8_t>(v);
}

void push32(Blob& b, std::uint32_t v) {
  b.resize(b.size() + 4);
  put32(b, b.size() - 4, v);
}

/// A minimal version-17 blob: / { compatible = "x"; child { }; };
Blob minimal() {
  Blob b(40, 0);
  push32(b, 0); // reservation list terminator (16 bytes)
  push32(b, 0);
  push32(b, 0);
  push32(b, 0);
  const std::size_t off_struct = b.size();
  push32(b, 1); // FDT_BEGIN_NODE ""
  push32(b, 0);
  push32(b, 3); // FDT_PROP len 2, nameoff 0
  push32(b, 2);
  push32(b, 0);
  push32(b, 0x78000000); // "x\0" padded
  push32(b, 1);          // FDT_BEGIN_NODE "child"
  for (char c : std::string("child\0\0\0", 8)) b.push_back(static_cast<std::uint8_t>(c));
  push32(b, 2); // FDT_END_NODE
  push32(b, 2); // FDT_END_NODE
  push32(b, 9); // FDT_END
  const std::size_t size_struct = b.size() - off_struct;
  const std::size_t off_strings = b.size();
  for (char c : std::string("compatible", 11)) b.push_back(static_cast<std::uint8_t>(c));
  const std::size_t size_strings = b.size() - off_strings;
  put32(b, 0, 0xd00dfeed);
  put32(b, 4, static_cast<std::uint32_t>(b.size()));
  put32(b, 8, static_cast<std::uint32_t>(off_struct));
  put32(b, 12, static_cast<std::uint32_t>(off_strings));
  put32(b, 16, 40);
  put32(b, 20, 17);
  put32(b, 24, 16);
  put32(b, 32, static_cast<std::uint32_t>(size_strings));
  put32(b, 36, static_cast<std::uint32_t>(size_struct));
  return b;
}

constexpr std::size_t kStruct = 56; // minimal()'s structure block

TEST(FdtCheck, AWellFormedBlobPasses) {
  EXPECT_EQ(fdt_structure_error(minimal()), "");
}

TEST(FdtCheck, TheHeaderMustDescribeAVersion17BlobOfThisSize) {
  Blob b = minimal();
  put32(b, 20, 4); // the fuzzer's version-4 header crashed libfdt's fdt_check_full
  EXPECT_NE(fdt_structure_error(b).find("version 4"), std::string::npos);
  b = minimal();
  put32(b, 4, static_cast<std::uint32_t>(b.size() + 1));
  EXPECT_NE(fdt_structure_error(b).find("totalsize"), std::string::npos);
  b = minimal();
  put32(b, 36, 0x7fffffff);
  EXPECT_NE(fdt_structure_error(b).find("structure block is misplaced"), std::string::npos);
  b = minimal();
  put32(b, 12, 0xfffffff0);
  EXPECT_NE(fdt_structure_error(b).find("strings block is misplaced"), std::string::npos);
  EXPECT_NE(fdt_structure_error(Blob(12, 0)).find("shorter"), std::string::npos);
}

TEST(FdtCheck, EveryStructureLieIsNamed) {
  Blob b = minimal();
  put32(b, kStruct + 12, 0x7ffffff0); // the property's length
  EXPECT_NE(fdt_structure_error(b).find("property value runs out"), std::string::npos);
  b = minimal();
  put32(b, kStruct + 16, 500); // the property's name offset
  EXPECT_NE(fdt_structure_error(b).find("property name outside the strings block"),
            std::string::npos);
  b = minimal();
  put32(b, kStruct + 40, 9); // the root's FDT_END_NODE becomes FDT_END
  EXPECT_NE(fdt_structure_error(b).find("FDT_END inside an open node"), std::string::npos);
  b = minimal();
  put32(b, kStruct + 24, 7); // the child's token
  EXPECT_NE(fdt_structure_error(b).find("unknown structure token 7"), std::string::npos);
  b = minimal();
  put32(b, kStruct + 44, 4); // FDT_END becomes FDT_NOP: the block ends without FDT_END
  EXPECT_NE(fdt_structure_error(b).find("ends without FDT_END"), std::string::npos);
}

TEST(FdtCheck, NestingIsBounded) {
  Blob b = minimal();
  // Replace the structure block by kMaxFdtDepth + 1 nested nodes.
  Blob s;
  for (unsigned i = 0; i <= kMaxFdtDepth; ++i) {
    push32(s, 1);
    push32(s, 0x6e000000); // "n"
  }
  for (unsigned i = 0; i <= kMaxFdtDepth; ++i) push32(s, 2);
  push32(s, 9);
  Blob out(b.begin(), b.begin() + kStruct);
  out.insert(out.end(), s.begin(), s.end());
  const std::size_t off_strings = out.size();
  out.insert(out.end(), b.end() - 11, b.end());
  put32(out, 4, static_cast<std::uint32_t>(out.size()));
  put32(out, 12, static_cast<std::uint32_t>(off_strings));
  put32(out, 36, static_cast<std::uint32_t>(s.size()));
  EXPECT_NE(fdt_structure_error(out).find("nested deeper than 64"), std::string::npos);
}

TEST(FdtCheck, TheBlobsTheFuzzerFoundAreRefused) {
  for (const char* name : {"fdt_get_path_crash.dtb", "fdt_check_full_crash_version4.dtb"}) {
    std::ifstream in(std::string(IPCSIM_SOURCE_DIR) + "/tests/fixtures/fuzz/dtb/" + name,
                     std::ios::binary);
    const Blob blob{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ASSERT_FALSE(blob.empty()) << name;
    EXPECT_NE(fdt_structure_error(blob), "") << name;
  }
}

} // namespace
} // namespace sim::artefacts
