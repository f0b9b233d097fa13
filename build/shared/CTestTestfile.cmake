# CMake generated Testfile for 
# Source directory: /work/main/shared
# Build directory: /work/main/build/shared
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
