// SPDX-License-Identifier: Apache-2.0
#pragma once
// The stage-1 EL1&0 translation the firmware's own page tables give (issue 14): which physical
// address a data access reaches and with which memory type, so that Normal cacheable accesses to
// the carve-outs go through the D-cache model, Normal non-cacheable and Device ones to memory,
// and an unmapped page is a translation fault. Unicorn walks the tables too, but tells nothing of
// the attributes; this walker reads them as the architecture defines (Arm ARM D8, VMSAv8-64):
// TTBR0_EL1 only (a VA with bits above the input size set is outside it), the 4 KiB granule
// (TCR_EL1.TG0 = 0b00; 16 and 64 KiB are refused, not guessed), levels 0 to 3, block entries at
// levels 1 and 2, MAIR_EL1 attribute indexes, the access flag (no hardware update: ARMv8.0, as
// the A55 without FEAT_HAFDBS) and AP[2] (read-only) for writes. With SCTLR_EL1.M clear, data
// accesses are Device-nGnRnE; with SCTLR_EL1.C clear, Normal memory is non-cacheable.
// Not modelled: TTBR1, EL0 permissions (AP[1], UXN/PXN), contiguous hints, ASIDs and the TLB
// itself (the caller caches results per page and drops them when the firmware changes the
// registers or invalidates the TLB).

#include <cstdint>
#include <functional>
#include <optional>

namespace sim::models::iss {

enum class MemType { kDevice, kNormalNonCacheable, kNormalWriteThrough, kNormalWriteBack };

const char* mem_type_name(MemType type);

/// The translation registers as the firmware set them.
struct TranslationRegs {
  std::uint64_t sctlr = 0; ///< SCTLR_EL1: M (bit 0), C (bit 2)
  std::uint64_t tcr = 0;   ///< TCR_EL1: T0SZ [5:0], TG0 [15:14]
  std::uint64_t mair = 0;  ///< MAIR_EL1
  std::uint64_t ttbr0 = 0; ///< TTBR0_EL1: BADDR
};

struct WalkFault {
  enum class Kind { kAddressSize, kTranslation, kAccessFlag, kPermission, kExternal, kUnsupported };
  Kind kind = Kind::kTranslation;
  int level = 0; ///< the lookup level the fault was found at (-1: before any)
  /// The data fault status code an ESR_EL1 would carry (DFSC: 0x00 + level address size, 0x04
  /// translation, 0x08 access flag, 0x0C permission, 0x14 external abort on the walk; 0 for
  /// kUnsupported and for a fault before any lookup).
  std::uint32_t status_code() const;
};

struct Translation {
  std::uint64_t pa = 0;
  MemType type = MemType::kDevice;
  bool writable = true;
  /// The translated region's VA base and size (a page, or a level 1 or 2 block): the result
  /// holds for every VA in it.
  std::uint64_t region_va = 0;
  std::uint64_t region_size = 0;
};

struct WalkResult {
  std::optional<Translation> translation;
  std::optional<WalkFault> fault;
  bool ok() const { return translation.has_value(); }
};

/// Reads the 8-byte descriptor at a physical address; nullopt when nothing answers there.
using DescriptorReader = std::function<std::optional<std::uint64_t>(std::uint64_t pa)>;

/// Translates the data access at `va` (`write`: a store).
WalkResult walk(const TranslationRegs& regs, std::uint64_t va, bool write,
                const DescriptorReader& read);

} // namespace sim::models::iss
