// SPDX-License-Identifier: Apache-2.0
// A remote firmware ELF as `ipcsim validate` and `ipcsim import` read it through libelf: its
// symbols, PT_LOAD segments, the resource table section and Zephyr's MMU configuration, then the
// resource table as Linux would check it. Seeds: the fixture firmware built by the tests.
#include "fuzz/fuzz_input.h"
#include "sim/artefacts/firmware_elf.h"
#include "sim/artefacts/table_facts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file = sim::fuzz::scratch() / "input.elf";
  sim::fuzz::write_file(file, data, size);
  sim::fuzz::expect_refusal_or_success([&] {
    const sim::artefacts::FirmwareImage image = sim::artefacts::load_firmware(file.string());
    if (image.rsc_section_address)
      sim::artefacts::read_table_facts(image.rsc_section, *image.rsc_section_address);
    for (const sim::artefacts::ZephyrMmuRegion& r : image.mmu_regions) {
      (void)r.type();
      sim::artefacts::effective_mapping(image.mmu_regions, r.base_pa, r.size);
    }
  });
  return 0;
}
