// SPDX-License-Identifier: Apache-2.0
#include "models/iss/page_walk.h"

#include <algorithm>

namespace sim::models::iss {
namespace {

constexpr std::uint64_t kOutputAddress = 0x0000'ffff'ffff'f000; // descriptor bits [47:12]
constexpr std::uint64_t kTableBase = 0x0000'ffff'ffff'fffe;     // TTBR0_EL1.BADDR [47:1]
constexpr std::uint64_t kSctlrM = 1u << 0;
constexpr std::uint64_t kSctlrC = 1u << 2;
constexpr std::uint64_t kAccessFlag = 1u << 10;
constexpr std::uint64_t kApReadOnly = 1u << 7; // AP[2]
constexpr unsigned kPageShift = 12;
constexpr unsigned kBitsPerLevel = 9; // 4 KiB granule: 512 descriptors a table
// ARMv8.0 without FEAT_LVA: T0SZ below 16 or above 39 behaves as the nearest of them.
constexpr unsigned kMinT0sz = 16, kMaxT0sz = 39;

WalkResult fail(WalkFault::Kind kind, int level) {
  WalkResult r;
  r.fault = WalkFault{kind, level};
  return r;
}

/// MAIR_EL1 attribute byte (Arm ARM D8.5.2): 0b0000ddxx Device; otherwise Normal, the inner half
/// (the L1 D-cache's) deciding: 0b0100 non-cacheable, 0b01RW/0b11RW write-back, 0b00RW/0b10RW
/// write-through (RW != 00); 0b0000 with a non-zero outer half is UNPREDICTABLE, taken as
/// non-cacheable.
MemType type_of(std::uint8_t attr) {
  if ((attr & 0xf0) == 0) return MemType::kDevice;
  const unsigned inner = attr & 0xfu;
  if (inner == 0x4 || inner == 0x0) return MemType::kNormalNonCacheable;
  if ((inner & 0x4) != 0) return MemType::kNormalWriteBack;
  return MemType::kNormalWriteThrough;
}

} // namespace

const char* mem_type_name(MemType type) {
  switch (type) {
  case MemType::kDevice:
    return "device";
  case MemType::kNormalNonCacheable:
    return "normal_nc";
  case MemType::kNormalWriteThrough:
    return "normal_wt";
  case MemType::kNormalWriteBack:
    return "normal_wb";
  }
  return "?";
}

std::uint32_t WalkFault::status_code() const {
  if (level < 0 || kind == Kind::kUnsupported) return 0;
  const auto l = static_cast<std::uint32_t>(level);
  switch (kind) {
  case Kind::kAddressSize:
    return 0x00 + l;
  case Kind::kTranslation:
    return 0x04 + l;
  case Kind::kAccessFlag:
    return 0x08 + l;
  case Kind::kPermission:
    return 0x0c + l;
  case Kind::kExternal:
    return 0x14 + l;
  case Kind::kUnsupported:
    break;
  }
  return 0;
}

WalkResult walk(const TranslationRegs& regs, std::uint64_t va, bool write,
                const DescriptorReader& read) {
  if ((regs.sctlr & kSctlrM) == 0) {
    // Stage 1 off: data accesses are Device-nGnRnE, flat.
    WalkResult r;
    r.translation = Translation{va, MemType::kDevice, true, va & ~std::uint64_t{0xfff}, 0x1000};
    return r;
  }
  if (((regs.tcr >> 14) & 0x3) != 0) return fail(WalkFault::Kind::kUnsupported, -1); // TG0
  const unsigned t0sz = std::clamp(static_cast<unsigned>(regs.tcr & 0x3f), kMinT0sz, kMaxT0sz);
  const unsigned input_bits = 64 - t0sz;
  // Above the input size is TTBR1's range or neither: TTBR1 is not modelled.
  if ((va >> input_bits) != 0) return fail(WalkFault::Kind::kTranslation, 0);
  const unsigned levels = (input_bits - kPageShift + kBitsPerLevel - 1) / kBitsPerLevel;
  const int start = 4 - static_cast<int>(levels);

  std::uint64_t table = regs.ttbr0 & kTableBase;
  for (int level = start; level <= 3; ++level) {
    const unsigned shift = kPageShift + kBitsPerLevel * static_cast<unsigned>(3 - level);
    const unsigned index_bits = level == start ? input_bits - shift : kBitsPerLevel;
    if (level == start) table &= ~((std::uint64_t{8} << index_bits) - 1); // aligned to its size
    const std::uint64_t index = (va >> shift) & ((std::uint64_t{1} << index_bits) - 1);
    const std::optional<std::uint64_t> d = read(table + index * 8);
    if (!d) return fail(WalkFault::Kind::kExternal, level);
    if ((*d & 1) == 0) return fail(WalkFault::Kind::kTranslation, level);
    const bool table_or_page = (*d & 2) != 0;
    if (level < 3 && table_or_page) {
      table = *d & kOutputAddress;
      continue;
    }
    // A block (levels 1 and 2 with this granule) or a page (level 3); a level 0 block and the
    // reserved level 3 encoding are translation faults.
    if (level == 0 || (level == 3 && !table_or_page))
      return fail(WalkFault::Kind::kTranslation, level);
    if ((*d & kAccessFlag) == 0) return fail(WalkFault::Kind::kAccessFlag, level);
    const bool read_only = (*d & kApReadOnly) != 0;
    if (write && read_only) return fail(WalkFault::Kind::kPermission, level);
    const std::uint64_t size = std::uint64_t{1} << shift;
    const unsigned attr_index = static_cast<unsigned>((*d >> 2) & 0x7);
    MemType type = type_of(static_cast<std::uint8_t>(regs.mair >> (8 * attr_index)));
    if ((regs.sctlr & kSctlrC) == 0 && type != MemType::kDevice)
      type = MemType::kNormalNonCacheable; // data caching off: Normal memory is non-cacheable
    WalkResult r;
    r.translation = Translation{(*d & kOutputAddress & ~(size - 1)) | (va & (size - 1)), type,
                                !read_only, va & ~(size - 1), size};
    return r;
  }
  return fail(WalkFault::Kind::kTranslation, 3); // not reached: level 3 always returns
}

} // namespace sim::models::iss
