#pragma once
int load_user(int Id);
