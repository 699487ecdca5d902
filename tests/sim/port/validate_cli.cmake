cmake_minimum_required(VERSION 3.19) # quoted arguments are not variables
# `ipcsim validate` on the reference port's fixtures: clean (exit 0) for the reference layout, the
# exact mismatch (exit 1) for each broken variant, exit 2 for input it cannot read. The firmware
# variants are compiled here, at test time, by the aarch64 cross compiler.
set(F ${FIXTURES})
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})

function(firmware name address)
  execute_process(COMMAND ${GCC} -O2 -nostdlib -ffreestanding -static -fno-pic -no-pie
                          -T ${F}/firmware.ld -Wl,--section-start=.resource_table=${address}
                          ${ARGN} ${F}/firmware.c -o ${OUT}/${name}.elf
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot build the ${name} firmware: ${err}")
  endif()
endfunction()

# expect(EXIT N TEXT "..." ARGS ...): run validate on the board with ARGS.
function(expect)
  cmake_parse_arguments(E "" "EXIT;TEXT" "ARGS" ${ARGN})
  execute_process(COMMAND ${IPCSIM} validate ${BOARD} ${E_ARGS}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL E_EXIT)
    message(FATAL_ERROR "validate ${E_ARGS} (${E_TEXT}): expected exit ${E_EXIT}, got ${rc}\n${out}${err}")
  endif()
  string(FIND "${out}${err}" "${E_TEXT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "validate ${E_ARGS}: no '${E_TEXT}' in\n${out}${err}")
  endif()
endfunction()

firmware(reference 0x200c63b8)
firmware(table_moved 0x200c6400)
firmware(version2 0x200c63b8 -DTABLE_VERSION=2)
firmware(rings_unequal 0x200c63b8 -DVRING1_NUM=16)
firmware(vring1_elsewhere 0x200c63b8 -DVRING1_DA=0x200d0000u)
firmware(vring1_unmapped 0x200c63b8 -DNO_VRING1_REGION)
firmware(vring1_read_only 0x200c63b8 -DVRING1_ATTRS=4u)
firmware(notifyid_twice 0x200c63b8 -DVRING1_NOTIFYID=0)
firmware(vdev_reserved 0x200c63b8 -DVDEV_RESERVED=1)

set(linux ${F}/linux.dts)
set(zephyr ${F}/zephyr.dts)
set(ok --dts ${linux} --dts ${zephyr})

expect(EXIT 0 TEXT "result    0 error(s), 1 warning(s)" ARGS ${ok} --elf ${OUT}/reference.elf)
expect(EXIT 0 TEXT "vring_align 16 is below the remote's 64-byte cache line"
       ARGS ${ok} --elf ${OUT}/reference.elf)

# The Linux DT.
expect(EXIT 1 TEXT "set tcc,rsc-offset = <0x3b8>"
       ARGS --dts ${F}/broken/linux_rsc_offset.dts --dts ${zephyr} --elf ${OUT}/reference.elf)
expect(EXIT 1 TEXT "need 0x1000 bytes (PAGE_ALIGN(vring_size)), the carve-out has 0x800"
       ARGS --dts ${F}/broken/linux_vring1_small.dts --elf ${OUT}/reference.elf)
expect(EXIT 1 TEXT "0x2000 bytes of buffers do not fit in 0x1000"
       ARGS --dts ${F}/broken/linux_buffer_pool_small.dts --elf ${OUT}/reference.elf)
expect(EXIT 1 TEXT "memory-region does not list /reserved-memory/vdev0buffer@200ca000"
       ARGS --dts ${F}/broken/linux_region_not_listed.dts)
# (No '[' in TEXT: CMake lists would not split after it.)
expect(EXIT 1 TEXT "0x200c9000) overlaps /reserved-memory/vdev0vring1@200c9000"
       ARGS --dts ${F}/broken/linux_overlap.dts)
expect(EXIT 1 TEXT "vdev0vring0@200c8000 has no `no-map`"
       ARGS --dts ${F}/broken/linux_no_map_missing.dts)
expect(EXIT 1 TEXT "the mailbox /mailbox@17470000 is at 0x17460000, the board's master terminal at 0x17470000"
       ARGS --dts ${F}/broken/linux_wrong_mailbox.dts)
# The Zephyr DT.
expect(EXIT 1 TEXT "/chosen zephyr,ipc_shm is /reserved-memory/memory@200c8000, not the VDEV0BUFFER region"
       ARGS --dts ${linux} --dts ${F}/broken/zephyr_ipc_shm.dts)
expect(EXIT 1 TEXT "0x200d1000) but Linux's /reserved-memory/vdev0vring1@200c9000 is"
       ARGS --dts ${linux} --dts ${F}/broken/zephyr_vring1_moved.dts)
expect(EXIT 1 TEXT "no node with zephyr,memory-region = \"VDEV0BUFFER\""
       ARGS --dts ${F}/broken/zephyr_region_name.dts)
# The firmware.
expect(EXIT 1 TEXT "the linker put resource_table at 0x200c6400 but Linux reads the table at 0x200c63b8"
       ARGS ${ok} --elf ${OUT}/table_moved.elf)
expect(EXIT 1 TEXT "the table's header is wrong: resource table version 2 at 0x200c63b8, expected 1 (Linux 5.10 attaching does not check it"
       ARGS ${ok} --elf ${OUT}/version2.elf)
expect(EXIT 1 TEXT "vring0 has 8 entries, vring1 16" ARGS ${ok} --elf ${OUT}/rings_unequal.elf)
expect(EXIT 1 TEXT "vring1 da 0x200d0000 is not the carve-out at 0x200c9000"
       ARGS ${ok} --elf ${OUT}/vring1_elsewhere.elf)
expect(EXIT 1 TEXT "no region of the image's mmu_regions holds vdev0vring1"
       ARGS ${ok} --elf ${OUT}/vring1_unmapped.elf)
expect(EXIT 1 TEXT "VRING1 maps vdev0vring1 read-only" ARGS ${ok} --elf ${OUT}/vring1_read_only.elf)
expect(EXIT 1 TEXT "both vrings carry notify id 0" ARGS ${ok} --elf ${OUT}/notifyid_twice.elf)
expect(EXIT 1 TEXT "vdev entry 0 reserved[0] 0x1" ARGS ${ok} --elf ${OUT}/vdev_reserved.elf)
# The board itself, through --set.
expect(EXIT 1 TEXT "OpenAMP does no cache maintenance (openamp.dcache false)"
       ARGS --set software.remote.openamp.dcache=false)

# Input it cannot read: exit 2, saying why.
file(WRITE ${OUT}/syntax.dts "/dts-v1/;\n/ {\n  broken = <1\n};\n")
file(WRITE ${OUT}/junk.elf "not an image\n")
expect(EXIT 2 TEXT "dtc cannot compile it" ARGS --dts ${OUT}/syntax.dts)
expect(EXIT 2 TEXT "not an ELF file" ARGS --elf ${OUT}/junk.elf)
expect(EXIT 2 TEXT "cannot read the file" ARGS --elf ${OUT}/missing.elf)
expect(EXIT 2 TEXT "a second Linux device tree" ARGS --dts ${linux} --dts ${linux})

# `ipcsim import`: writes a board that validates clean against what it came from.
execute_process(COMMAND ${IPCSIM} import --base ${BOARD} --dts ${linux} --dts ${zephyr}
                        --elf ${OUT}/reference.elf -o ${OUT}/imported.yaml
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "result    0 error\\(s\\)")
  message(FATAL_ERROR "import: exit ${rc}\n${out}${err}")
endif()
execute_process(COMMAND ${IPCSIM} validate ${OUT}/imported.yaml ${ok} --elf ${OUT}/reference.elf
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the imported board does not validate against its artefacts (exit ${rc})")
endif()
execute_process(COMMAND ${IPCSIM} import -o ${OUT}/nothing.yaml
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "give the artefacts")
  message(FATAL_ERROR "import without artefacts: expected exit 2, got ${rc}: ${err}")
endif()

# Odd but valid images, and images that must not crash the reader.
firmware(padded 0x200c63b0 -DPAD_BEFORE_TABLE)
firmware(split_buffer 0x200c63b8 -DSPLIT_BUFFER_REGION)
firmware(shm_first 0x200c63b8 -DSHM_REGION_FIRST)
firmware(shm_last 0x200c63b8 -DSHM_REGION_LAST)
firmware(wild_pointer 0x200c63b8 "-DMMU_TABLE=((const struct arm_mmu_region*)0xFFFFFFFFFFFFFFF0u)")
firmware(many_regions 0x200c63b8 -DMMU_COUNT=0xFFFFFFFFu)
expect(EXIT 0 TEXT "88 bytes: Linux accepts it" ARGS ${ok} --elf ${OUT}/padded.elf)
expect(EXIT 0 TEXT "VDEV0BUFFER_A + VDEV0BUFFER_B maps vdev0buffer normal_wb"
       ARGS ${ok} --elf ${OUT}/split_buffer.elf)
expect(EXIT 0 TEXT "VRING1 maps vdev0vring1 normal_wb" ARGS ${ok} --elf ${OUT}/shm_first.elf)
expect(EXIT 1 TEXT "SHM maps vdev0vring1 normal_nc, the board's remote MMU map normal_wb"
       ARGS ${ok} --elf ${OUT}/shm_last.elf)
expect(EXIT 1 TEXT "its mmu_regions pointer leads outside it" ARGS ${ok} --elf ${OUT}/wild_pointer.elf)
# (What follows the real table in the image is read as regions too, as Zephyr would.)
expect(EXIT 1 TEXT "only the first 256 are read" ARGS ${ok} --elf ${OUT}/many_regions.elf)
# Board values whose consequences the simulator shows as failed attaches.
expect(EXIT 1 TEXT "CONFIG_RAM_CONSOLE adds a trace entry"
       ARGS --set software.remote.resource_table.ram_console=true)
expect(EXIT 1 TEXT "vdev0vring0: a ring of 8 entries aligned 4096 needs 0x2000 bytes"
       ARGS --set software.remote.resource_table.vring0=any
            --set software.remote.resource_table.vring_align=4096)
expect(EXIT 1 TEXT "the image's table is 88 bytes but Linux reads only 72"
       ARGS --set carveouts.rsc_table.size=0x400 --set carveouts.rsc_table.rsc_size=0x48)
# Inputs that are not device trees.
file(WRITE ${OUT}/short_reg.dts "/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n  reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges;\n    vdev0buffer@200ca000 { reg = <0x0 0x200ca000>; no-map; }; }; };\n")
file(WRITE ${OUT}/app.overlay "&vdev0buffer { status = \"okay\"; };\n")
expect(EXIT 2 TEXT "reg has 8 bytes" ARGS --dts ${OUT}/short_reg.dts)
expect(EXIT 2 TEXT "is a fragment" ARGS --dts ${OUT}/app.overlay)
expect(EXIT 2 TEXT "not a regular file" ARGS --dts ${OUT})
