# Installs the project into a fresh prefix and builds examples/coverage against the installed
# package twice, by find_package(orgraph) and by pkg-config, then runs both on a dataset:
#   cmake -DBUILD=… -DSOURCE=… -DWORK=… -DGENERATOR=… -DCXX=… [-DSANITIZE=ON] -P run_install.cmake
file(REMOVE_RECURSE "${WORK}")
# Libraries built with the sanitizers link only into programs built with them.
set(cxx_flags "")
if(SANITIZE)
  set(cxx_flags -fsanitize=address,undefined)
endif()
set(prefix "${WORK}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${what} failed (${code}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

run("install" "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${prefix}")
foreach(file include/orgraph/version.hpp include/orgraph/analysis/coverage.hpp include/orgraph/builtin/builtin.hpp)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "${file} is not installed")
  endif()
endforeach()
file(GLOB_RECURSE generator_headers "${prefix}/include/orgraph/generate/*")
if(generator_headers)
  message(FATAL_ERROR "the generator's headers are installed: ${generator_headers}")
endif()

# find_package(orgraph), the engine alone.
run("configuring the example" "${CMAKE_COMMAND}" -S "${SOURCE}/examples/coverage" -B "${WORK}/example"
    -G "${GENERATOR}" -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_CXX_FLAGS=${cxx_flags}")
run("building the example" "${CMAKE_COMMAND}" --build "${WORK}/example")
set(expected "1 of 3 countries uncovered\nCIV\tCôte d’Ivoire\n")
run("running the example" "${WORK}/example/orgraph-uncovered" "${SOURCE}/tests/data/example")
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "the example printed\n${output}\nexpected\n${expected}")
endif()

# pkg-config: the flags orgraph.pc gives compile and link the same program.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig:${prefix}/lib64/pkgconfig:$ENV{PKG_CONFIG_PATH}")
run("pkg-config" "${PKG_CONFIG}" --cflags --libs orgraph)
string(STRIP "${output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run("building the example with pkg-config" "${CXX}" -std=c++20 -O1 ${cxx_flags} "${SOURCE}/examples/coverage/main.cpp"
    -o "${WORK}/orgraph-uncovered-pc" ${flags})
run("running the example built with pkg-config" "${WORK}/orgraph-uncovered-pc" "${SOURCE}/tests/data/example")
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "the example built with pkg-config printed\n${output}\nexpected\n${expected}")
endif()
run("pkg-config orgraph-builtin" "${PKG_CONFIG}" --exists --print-errors orgraph-builtin)
