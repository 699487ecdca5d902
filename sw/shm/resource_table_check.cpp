// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/resource_table_check.h"

#include "sw/shm/hex.h"
#include "sw/shm/layout.h"
#include "sw/shm/le_bytes.h"

namespace sim::sw::shm {
namespace {

class Checker {
public:
  Checker(const std::uint8_t* bytes, std::size_t size, hal::Addr base)
      : bytes_(bytes), size_(size), base_(base) {}

  RscCheckResult run();

private:
  std::uint32_t u32(std::uint64_t off) const { return load_le32(bytes_ + off); }
  std::string at(std::uint64_t off) const { return " at " + hex(base_ + off); }
  RscCheckResult fail(std::uint64_t off, const std::string& what) const {
    return {false, what, static_cast<std::uint32_t>(off), {}};
  }
  /// Fails when [off, off+len) is not inside the table.
  bool fits(std::uint64_t off, std::uint64_t len) const { return off + len <= size_; }

  RscCheckResult check_entry(std::uint32_t index, std::uint32_t off);
  RscCheckResult check_vdev(std::uint32_t index, std::uint32_t off);

  const std::uint8_t* bytes_;
  std::size_t size_;
  hal::Addr base_;
  std::vector<std::string> warnings_;
};

RscCheckResult Checker::run() {
  if (!fits(0, rsc::kHdrSize))
    return fail(0, "resource table of " + std::to_string(size_) + " bytes" + at(0) +
                       " is smaller than its 16-byte header");
  std::uint32_t ver = u32(rsc::kHdrVer);
  if (ver != rsc::kSupportedVersion)
    return fail(rsc::kHdrVer, "resource table version " + std::to_string(ver) + at(rsc::kHdrVer) +
                                  ", expected 1");
  for (std::uint32_t i = 0; i < 2; ++i) {
    std::uint32_t off = rsc::kHdrReserved + 4 * i;
    if (u32(off) != 0)
      return fail(off, "resource table reserved[" + std::to_string(i) + "] " + hex(u32(off)) +
                           at(off) + ", expected 0");
  }
  std::uint32_t num = u32(rsc::kHdrNum);
  std::uint64_t offsets_end = rsc::kHdrOffsets + 4ull * num;
  if (!fits(0, offsets_end))
    return fail(rsc::kHdrNum, "resource table num " + std::to_string(num) + at(rsc::kHdrNum) +
                                  ": offset[] needs " + std::to_string(offsets_end) +
                                  " bytes, table has " + std::to_string(size_));
  for (std::uint32_t i = 0; i < num; ++i) {
    RscCheckResult r = check_entry(i, rsc::kHdrOffsets + 4 * i);
    if (!r.ok) return r;
  }
  RscCheckResult ok;
  ok.warnings = warnings_;
  return ok;
}

RscCheckResult Checker::check_entry(std::uint32_t index, std::uint32_t slot) {
  std::uint32_t off = u32(slot);
  std::string name = "resource entry " + std::to_string(index);
  if (!fits(off, rsc::kEntryTypeSize))
    return fail(slot, name + " offset " + hex(off) + at(slot) + " is beyond the table end " +
                          hex(size_) + " (truncated)");
  std::uint32_t type = u32(off);
  std::uint64_t body_size = 0;
  switch (type) {
  case rsc::kCarveout:
  case rsc::kDevmem:
    body_size = rsc::kCarveoutSize;
    break;
  case rsc::kTrace:
    body_size = rsc::kTraceSize;
    break;
  case rsc::kVdev:
    return check_vdev(index, off);
  case rsc::kPreloadVendor:
  case rsc::kPostloadVendor:
    return {}; // Linux has no handler for these: nothing else to check
  default:
    if (type >= rsc::kVendorStart && type <= rsc::kVendorEnd) return {};
    warnings_.push_back("unsupported resource " + std::to_string(type) + " (" + name + at(off) +
                        "), skipped");
    return {};
  }
  if (!fits(off, body_size))
    return fail(off, name + " type " + std::to_string(type) + at(off) + " needs " +
                         std::to_string(body_size) + " bytes, " + std::to_string(size_ - off) +
                         " left in the table (truncated)");
  return {};
}

RscCheckResult Checker::check_vdev(std::uint32_t index, std::uint32_t off) {
  std::string name = "vdev entry " + std::to_string(index);
  if (!fits(off, rsc::kVdevFixedSize))
    return fail(off, name + at(off) + " needs " + std::to_string(rsc::kVdevFixedSize) + " bytes, " +
                         std::to_string(size_ - off) + " left in the table (truncated)");
  std::uint32_t nvrings = bytes_[off + rsc::kVdevNumOfVrings];
  std::uint32_t config_len = u32(off + rsc::kVdevConfigLen);
  std::uint64_t need = rsc::kVdevFixedSize + std::uint64_t{rsc::kVringSize} * nvrings + config_len;
  // Linux checks the extent first, then the reserved bytes, then the vring count.
  if (!fits(off, need))
    return fail(off + rsc::kVdevConfigLen,
                name + at(off) + " with " + std::to_string(nvrings) + " vrings and config_len " +
                    std::to_string(config_len) + " needs " + std::to_string(need) + " bytes, " +
                    std::to_string(size_ - off) + " left in the table (truncated)");
  for (std::uint32_t i = 0; i < 2; ++i) {
    std::uint32_t roff = off + rsc::kVdevReserved + i;
    if (bytes_[roff] != 0)
      return fail(roff, name + " reserved[" + std::to_string(i) + "] " + hex(bytes_[roff]) +
                            at(roff) + ", expected 0");
  }
  if (nvrings > rsc::kVdevMaxVrings)
    return fail(off + rsc::kVdevNumOfVrings, name + " num_of_vrings " + std::to_string(nvrings) +
                                                 at(off + rsc::kVdevNumOfVrings) +
                                                 ", at most 2 supported");
  for (std::uint32_t i = 0; i < nvrings; ++i) {
    std::uint32_t v = off + rsc::kVdevVrings + rsc::kVringSize * i;
    std::string vname = name + " vring[" + std::to_string(i) + "]";
    if (u32(v + rsc::kVringNum) == 0)
      return fail(v + rsc::kVringNum,
                  vname + " num 0" + at(v + rsc::kVringNum) + ", must be non-zero");
    if (u32(v + rsc::kVringAlign) == 0)
      return fail(v + rsc::kVringAlign,
                  vname + " align 0" + at(v + rsc::kVringAlign) + ", must be non-zero");
  }
  return {};
}

} // namespace

RscCheckResult validate_resource_table(const std::uint8_t* bytes, std::size_t size,
                                       hal::Addr base) {
  return Checker(bytes, size, base).run();
}

} // namespace sim::sw::shm
