// SPDX-License-Identifier: Apache-2.0
#pragma once
// What ipcsim reads from the remote's firmware ELF (zephyr.elf), with libelf: where the linker put
// the `resource_table` symbol, the bytes of the `.resource_table` section (parsed and checked
// like Linux does, by validate.h), the loadable segments with their bytes and the entry point (what
// an instruction-set simulator loads), and the Zephyr MMU regions the image
// maps at boot (the `mmu_config` symbol: { num_regions, mmu_regions[] } of struct arm_mmu_region
// { base_pa, base_va, size, name, attrs }).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/artefacts/device_tree.h" // ArtefactError

namespace sim::artefacts {

struct ElfSymbol {
  std::uint64_t address = 0;
  std::uint64_t size = 0;
};

/// A function symbol (STT_FUNC), for naming the code a panic happened in.
struct ElfFunction {
  std::string name;
  std::uint64_t address = 0;
  std::uint64_t size = 0;
};

struct ElfSegment {
  std::uint64_t address = 0; ///< physical (load) address
  std::uint64_t size = 0;    ///< in memory
  bool executable = false;   ///< PF_X
  bool writable = false;     ///< PF_W
  /// The file's bytes (p_filesz of them, at most `size`); the rest of the segment is zero.
  std::vector<std::uint8_t> bytes;
};

/// Zephyr's MT_* memory types (attrs bits 2:0).
enum class ZephyrMemType {
  kDeviceNGnRnE,
  kDeviceNGnRE,
  kDeviceGRE,
  kNormalNc,
  kNormal,
  kNormalWt,
  kUnknown
};

struct ZephyrMmuRegion {
  std::string name;
  std::uint64_t base_pa = 0;
  std::uint64_t base_va = 0;
  std::uint64_t size = 0;
  std::uint32_t attrs = 0;
  ZephyrMemType type() const;
  std::uint64_t end() const { return base_pa + size; }
};

struct FirmwareImage {
  std::string file;
  std::uint64_t entry = 0;                 ///< e_entry: where a core loading the image starts
  std::optional<ElfSymbol> resource_table; ///< the `resource_table` symbol
  /// The table's bytes: `.resource_table` from the `resource_table` symbol on (from the section's
  /// start when there is no symbol inside it), and where they start.
  std::optional<std::uint64_t> rsc_section_address;
  std::vector<std::uint8_t> rsc_section;
  std::vector<ElfSegment> segments; ///< PT_LOAD
  bool has_mmu_config = false;
  std::uint64_t mmu_regions_declared = 0; ///< mmu_config.num_regions (at most kMaxMmuRegions read)
  std::vector<ZephyrMmuRegion> mmu_regions;
  static constexpr std::uint64_t kMaxMmuRegions = 256;
  /// Function symbols by address (at most kMaxFunctions read: a hostile file cannot exhaust
  /// memory).
  std::vector<ElfFunction> functions;
  static constexpr std::size_t kMaxFunctions = 200000;
  /// "function+0xoffset" for a code address, or empty when no function symbol holds it.
  std::string symbolize(std::uint64_t address) const;
};

/// A stretch [begin, end) and the region that maps it.
struct MappedPiece {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  const ZephyrMmuRegion* region = nullptr;
};

/// What maps [base, base + size): Zephyr sets its regions up in order, a later one remapping what
/// an earlier one mapped. In address order; unmapped stretches are left out.
std::vector<MappedPiece> effective_mapping(const std::vector<ZephyrMmuRegion>& regions,
                                           std::uint64_t base, std::uint64_t size);

/// Throws ArtefactError when the file is missing or not an ELF file.
FirmwareImage load_firmware(const std::string& file);

/// "normal_wb", "normal_nc", "normal_wt", "device" (the board file's attr names), "unknown".
const char* board_attr_name(ZephyrMemType type);

} // namespace sim::artefacts
