global using TrtOrleans.Grains.Interfaces;
global using TrtOrleans.TestSupport;
