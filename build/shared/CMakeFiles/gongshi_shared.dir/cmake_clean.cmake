file(REMOVE_RECURSE
  "CMakeFiles/gongshi_shared.dir/src/codec.cpp.o"
  "CMakeFiles/gongshi_shared.dir/src/codec.cpp.o.d"
  "CMakeFiles/gongshi_shared.dir/src/time.cpp.o"
  "CMakeFiles/gongshi_shared.dir/src/time.cpp.o.d"
  "libgongshi_shared.a"
  "libgongshi_shared.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/gongshi_shared.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
