global using Microsoft.Data.Sqlite;
global using NewsBot.SideData;
global using static NewsBot.SideData.SqliteCommands;
